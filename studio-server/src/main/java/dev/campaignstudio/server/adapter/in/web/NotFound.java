package dev.campaignstudio.server.adapter.in.web;

/** A console page about something that does not exist: answered with the console's 404 page. */
final class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message, null, false, false);
    }
}
