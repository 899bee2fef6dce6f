package cn.tongyi.plugin.merchant.code;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A point code as its member receives it: the text the till scans (also as a QR code) and when it stops working. */
public record IssuedCode(String code, OffsetDateTime expiresAt, UUID memberId) {
}
