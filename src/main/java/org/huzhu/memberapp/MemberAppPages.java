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

    /** The public verification page of an electronic cover certificate (its QR code leads here). */
    @Requires(Right.PUBLIC)
    @GetMapping("/verify/{token}")
    String verify() {
        return "forward:/m/verify.html";
    }
}
