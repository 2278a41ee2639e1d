package org.huzhu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Turns every failure into RFC 9457 problem+json with a Chinese {@code detail} and, for invalid
 * input, the fields at fault. Bad input is never a 500; a 500 says nothing about internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return invalidInput(e.problems(), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        return invalidInput(problems, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof JacksonException jackson && !(jackson instanceof StreamReadException)) {
            String field = path(jackson);
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "字段类型或格式不正确";
            return invalidInput(List.of(new FieldProblem(field.isEmpty() ? "body" : field, message)), request);
        }
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return invalidInput(List.of(new FieldProblem("body", "缺少请求体")), request);
        }
        return invalidInput(List.of(new FieldProblem("body", "请求体不是有效的 JSON")), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalidInput(List.of(new FieldProblem(e.getName(), "参数格式不正确")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalidInput(List.of(new FieldProblem(e.getParameterName(), "缺少参数")), request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return invalidInput(List.of(new FieldProblem(e.getRequestPartName(), "缺少上传文件")), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "上传文件过大", "上传文件超过了允许的大小", request);
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(UploadTooLargeException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "上传文件过大", e.getMessage(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        return invalidInput(List.of(new FieldProblem("file", "请以 multipart/form-data 方式上传文件")), request);
    }

    @ExceptionHandler(UnreadableUploadException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(UnreadableUploadException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_CONTENT, "文件无法读取", e.getMessage(), request);
        answer.getBody().setProperty("errors", List.of(new FieldProblem("file", e.getMessage())));
        return answer;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "未找到", "请求的地址不存在", request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "与当前状态冲突", e.getMessage(), request);
        if (e.field() != null) answer.getBody().setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return answer;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage(), request).getBody();
        if (e.field() != null) body.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(body);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String detail = e.getContentType() == null
                ? "请求缺少内容类型（Content-Type）" + (e.getSupportedMediaTypes().isEmpty() ? ""
                        : "，应为 " + String.join(" 或 ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList()))
                : "不支持的请求内容类型：" + e.getContentType();
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", detail, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法", "该地址不支持 " + e.getMethod() + " 请求", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "无权操作", "您的角色无权执行此操作", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统错误", "系统内部错误，请稍后重试；如持续出现请联系管理员", request);
    }

    public static ResponseEntity<ProblemDetail> invalidInput(List<FieldProblem> problems, HttpServletRequest request) {
        String detail = problems.isEmpty() ? "请求内容有误" : problems.getFirst().message();
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "请求内容有误", detail, request);
        answer.getBody().setProperty("errors", new ArrayList<>(problems));
        return answer;
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (request != null) body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
