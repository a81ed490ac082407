package dev.campaignstudio.server.adapter.in.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Console pages answer errors with a page in the console's style: what went wrong in a sentence, never a stack trace. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound missing, HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("title", "Not found");
        model.addAttribute("message", missing.getMessage());
        return "console/error";
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(413);
        model.addAttribute("title", "Upload too large");
        model.addAttribute(
                "message",
                "the photos are larger than the service accepts (studio.assets.max-bytes); send smaller files");
        return "console/error";
    }

    @ExceptionHandler({
        org.springframework.web.bind.ServletRequestBindingException.class,
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
        org.springframework.web.multipart.MultipartException.class
    })
    String badRequest(HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("title", "Bad request");
        model.addAttribute(
                "message",
                "the request lacks a value the page needs, or has one of the wrong kind; go back and try again");
        return "console/error";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletResponse response, Model model) {
        if (response.isCommitted()) {
            LOG.debug("console response already sent when it failed", e);
            return null;
        }
        LOG.error("console request failed", e);
        response.setStatus(500);
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("message", "the page could not be made; the service log has the details");
        return "console/error";
    }
}
