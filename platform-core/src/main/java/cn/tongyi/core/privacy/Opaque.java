package cn.tongyi.core.privacy;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sequential id in a response body: written as its opaque token ({@link OpaqueIds}), never as the number. SmallRye
 * OpenAPI does not read meta-annotations, so each use also says {@code @Schema(type = SchemaType.STRING)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@JacksonAnnotationsInside
@JsonSerialize(using = OpaqueIdSerializer.class)
public @interface Opaque {
    OpaqueIds.Kind value();
}
