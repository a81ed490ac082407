package dev.campaignstudio.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Between OpenCV mats and Java2D images, by copying pixels. */
final class Mats {

    private Mats() {}

    /** An ARGB image of a 1-, 3- or 4-channel 8-bit mat (BGR or BGRA order). */
    static BufferedImage toArgb(Mat mat) {
        Mat bgra = new Mat();
        try {
            switch (mat.channels()) {
                case 1 -> opencv_imgproc.cvtColor(mat, bgra, opencv_imgproc.COLOR_GRAY2BGRA);
                case 3 -> opencv_imgproc.cvtColor(mat, bgra, opencv_imgproc.COLOR_BGR2BGRA);
                case 4 -> mat.copyTo(bgra);
                default -> throw new IllegalArgumentException("unsupported channel count " + mat.channels());
            }
            int width = bgra.cols();
            int height = bgra.rows();
            byte[] bytes = new byte[width * height * 4];
            bgra.data().get(bytes);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, p = 0; i < argb.length; i++, p += 4) {
                argb[i] = (bytes[p + 3] & 0xFF) << 24
                        | (bytes[p + 2] & 0xFF) << 16
                        | (bytes[p + 1] & 0xFF) << 8
                        | (bytes[p] & 0xFF);
            }
            return image;
        } finally {
            bgra.close();
        }
    }

    /** A 3-channel BGR mat of an image (alpha dropped). */
    static Mat toBgr(BufferedImage image) {
        BufferedImage bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR
                ? image
                : Images.copy(image, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), opencv_core.CV_8UC3);
        mat.data().put(data);
        return mat;
    }

    /** The alpha channel of an ARGB image as a 1-channel mat. */
    static Mat alpha(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Mat mat = new Mat(height, width, opencv_core.CV_8UC1);
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] values = new byte[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (argb[i] >>> 24);
        }
        mat.data().put(values);
        return mat;
    }

    /** The bytes of a 1-channel 8-bit mat, row by row. */
    static byte[] bytes(Mat gray) {
        byte[] out = new byte[gray.rows() * gray.cols()];
        try (UByteIndexer index = gray.createIndexer()) {
            for (int y = 0; y < gray.rows(); y++) {
                for (int x = 0; x < gray.cols(); x++) {
                    out[y * gray.cols() + x] = (byte) index.get(y, x);
                }
            }
        }
        return out;
    }
}
