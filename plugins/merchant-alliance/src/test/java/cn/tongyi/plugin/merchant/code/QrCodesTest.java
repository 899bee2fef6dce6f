package cn.tongyi.plugin.merchant.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    /**
     * Every member's code, not one: the member id is random, and a reader without hints failed on some of them (the
     * QR is drawn as a pure barcode, modules on whole pixels, quiet zone of 4; a phone's scanner reads it as such).
     */
    @Test
    @DisplayName("R-MERCHANT-2: the QR code a member shows scans back to their point code")
    void scansBack() throws Exception {
        for (int i = 0; i < 200; i++) {
            String code = new PointCodeSigner(new byte[32]).sign(new PointCode(UUID.randomUUID(),
                    "longest_branch_code_of_31_chars", Instant.parse("2026-12-01T02:02:00Z"), "q3Zt9xKf0aLm2PwE"));

            var image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(code)));
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText())
                    .isEqualTo(code);
        }
    }
}
