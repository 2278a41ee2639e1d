package org.huzhu.memberapp;

import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The member app's one page (public: the app itself asks the worker to sign in). */
@Controller
class MemberAppPages {

    @Requires(Right.PUBLIC)
    @GetMapping("/m/")
    String app() {
        return "forward:/m/index.html";
    }
}
