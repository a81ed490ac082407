package dev.campaignstudio.core.port.in;

/** Stores client-uploaded product photos. */
public interface UploadAsset {

    /**
     * Checks and stores an uploaded image. The type is sniffed from the bytes; a declared type or file name is ignored.
     *
     * @param data the uploaded bytes
     * @return the stored asset (the existing one when the same bytes were uploaded before), or why it was refused
     */
    UploadOutcome upload(byte[] data);
}
