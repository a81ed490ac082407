package dev.campaignstudio.server.adapter.in.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security's form login checks the token it posts (see {@link ConsoleSecurityConfiguration}). */
@Controller
class SignInController {

    @GetMapping(ConsoleSecurityConfiguration.SIGN_IN)
    String signIn(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            Authentication caller,
            Model model) {
        if (caller != null
                && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken)
                && error == null) {
            return "redirect:/console/jobs";
        }
        model.addAttribute("error", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "console/sign-in";
    }
}
