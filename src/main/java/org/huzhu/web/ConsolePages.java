package org.huzhu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's two pages: the login form (public) and the console shell (after login). */
@Controller
class ConsolePages {

    @GetMapping("/login")
    String login() {
        return "forward:/login.html";
    }

    @GetMapping("/")
    String console() {
        return "forward:/console.html";
    }
}
