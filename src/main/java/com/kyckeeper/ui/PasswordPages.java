package com.kyckeeper.ui;

import com.kyckeeper.security.PasswordChange;
import com.kyckeeper.shared.InvalidInputException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user changes their own password here; an account with an initial password is sent here
 * (security.ActiveAccountFilter) until it has. Passwords are never sent back to the page.
 */
@Controller
class PasswordPages {

    private final PasswordChange passwords;
    private final Problems problems;

    PasswordPages(PasswordChange passwords, Problems problems) {
        this.passwords = passwords;
        this.problems = problems;
    }

    @GetMapping("/me/password")
    String form(Model model) {
        model.addAttribute("forced", passwords.required());
        return "me/password";
    }

    @PostMapping("/me/password")
    String change(@RequestParam(required = false) String current, @RequestParam(name = "new", required = false) String next,
                  RedirectAttributes redirect, Locale locale) {
        try {
            passwords.change(current, next);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problems", problems.of(e, locale));
            return "redirect:/me/password";
        }
        redirect.addFlashAttribute("notice", "notice.passwordChanged");
        return "redirect:/";
    }
}
