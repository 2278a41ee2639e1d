package org.huzhu.recognition;

/**
 * Images cannot be read because Tesseract or its Chinese model is not installed on this server
 * (PDF and OFD receipts are read without it). Answered as 503 with a Chinese problem+json.
 */
public class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String reason) {
        super("文字识别组件未安装（" + reason + "），暂时无法识别图片；PDF 与 OFD 电子票据不受影响");
    }
}
