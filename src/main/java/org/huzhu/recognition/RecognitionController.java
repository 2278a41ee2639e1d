package org.huzhu.recognition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.huzhu.shared.scope.Requires;
import org.huzhu.shared.scope.Right;
import org.huzhu.shared.web.InvalidInputException;
import org.huzhu.shared.web.UnreadableUploadException;
import org.huzhu.shared.web.UploadTooLargeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/recognitions")
@Tag(name = "单据识别", description = "识别医疗收费票据：PDF 文字层与 OFD 精确读取，照片与扫描件用 OCR；返回字段、置信度与警告（需登录）")
class RecognitionController {

    private final Recognitions recognitions;

    RecognitionController(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    @Requires(Right.RECOGNITION)
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "识别一张票据（multipart 字段 file：PDF、OFD、PNG 或 JPEG，最大 10 MB）",
            description = "读不出的字段不返回、绝不猜测；未通过校验的字段被舍弃或降低置信度，并在 warnings 中说明。"
                    + "documentType: INPATIENT_RECEIPT / OUTPATIENT_RECEIPT / SETTLEMENT_STATEMENT / UNKNOWN；"
                    + "source: PDF_TEXT / OFD / OCR。",
            responses = {
                @ApiResponse(responseCode = "200", description = "识别结果"),
                @ApiResponse(responseCode = "413", description = "文件超过 10 MB"),
                @ApiResponse(responseCode = "422", description = "不是 PDF/OFD/PNG/JPEG、空文件、文件损坏、无文字无图像、压缩炸弹或图片像素过多")
            })
    Recognition recognise(@Parameter(description = "票据文件") @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) throw InvalidInputException.of("file", "缺少上传文件（multipart 字段 file）");
        if (file.isEmpty()) throw new UnreadableUploadException("文件为空");
        if (file.getSize() > RecognitionLimits.MAX_UPLOAD_BYTES) {
            throw new UploadTooLargeException("文件超过 10 MB，请上传 10 MB 以内的 PDF、OFD、PNG 或 JPEG 文件");
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) RecognitionLimits.MAX_UPLOAD_BYTES + 1);
        }
        return recognitions.recognise(file.getOriginalFilename(), content);
    }
}
