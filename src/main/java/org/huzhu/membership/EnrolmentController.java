package org.huzhu.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.huzhu.shared.scope.CurrentUser;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enrolments")
@Tag(name = "参保", description = "职工参加保障项目：保障期、保费、缴费分担")
class EnrolmentController {

    private final Enrolments enrolments;

    EnrolmentController(Enrolments enrolments) {
        this.enrolments = enrolments;
    }

    @Requires(Right.ENROL)
    @PostMapping
    @Operation(summary = "参保（items 或 bundle+shares 二选一）")
    ResponseEntity<Enrolments.EnrolmentView> enrol(@RequestBody Enrolments.EnrolmentCommand command) {
        var view = enrolments.enrol(command, CurrentUser.get());
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + view.id())).body(view);
    }

    @Requires(Right.MEMBER_READ)
    @GetMapping("/{id}")
    @Operation(summary = "查看参保记录")
    Enrolments.EnrolmentView enrolment(@PathVariable long id) {
        return enrolments.visibleEnrolment(id, CurrentUser.get());
    }
}
