package cn.tongyi.plugin.merchant.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    @DisplayName("R-MERCHANT-2: the QR code a member shows scans back to their point code")
    void scansBack() throws Exception {
        String code = new PointCodeSigner(new byte[32]).sign(new PointCode(UUID.randomUUID(), "longest_branch_code_of_31_chars",
                Instant.parse("2026-12-01T02:02:00Z"), "q3Zt9xKf0aLm2PwE"));

        byte[] png = QrCodes.png(code);

        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(code);
    }
}
