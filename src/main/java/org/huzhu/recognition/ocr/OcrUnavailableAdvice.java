package org.huzhu.recognition.ocr;

import jakarta.servlet.http.HttpServletRequest;
import org.huzhu.recognition.OcrUnavailableException;
import org.huzhu.shared.web.ApiExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 503 in Chinese when an image arrives and Tesseract is not installed; ahead of the catch-all 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OcrUnavailableAdvice {

    @ExceptionHandler(OcrUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(OcrUnavailableException e, HttpServletRequest request) {
        return ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "文字识别暂不可用", e.getMessage(), request);
    }
}
