package org.huzhu.web;

import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's two pages: the login form (public) and the console shell (after login). */
@Controller
class ConsolePages {

    @Requires(Right.PUBLIC)
    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }

    @Requires(Right.SIGNED_IN)
    @GetMapping("/")
    String console() {
        return "forward:/console.html";
    }
}
