package com.kyckeeper.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page (the form posts to Spring Security's /login), home with the role's menu, and the 403 page. */
@Controller
class HomePages {

    private final long timeoutMinutes;

    HomePages(@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.timeoutMinutes = sessionTimeout.toMinutes();
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        String problem = null;
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            problem = last instanceof LockedException ? "login.locked" : "login.failed";
        } else if (request.getParameter("expired") != null) {
            problem = "login.expired";
        } else if (request.getParameter("ended") != null) {
            problem = "login.ended";
        }
        model.addAttribute("problem", problem);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("timeoutMinutes", timeoutMinutes);
        return "login";
    }

    @GetMapping("/")
    String home() {
        // Compliance starts on its dashboard (same URL, the menu stays).
        return com.kyckeeper.security.CurrentActor.get().has(com.kyckeeper.security.Roles.COMPLIANCE)
                ? "forward:/compliance" : "home";
    }

    @GetMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/denied";
    }
}
