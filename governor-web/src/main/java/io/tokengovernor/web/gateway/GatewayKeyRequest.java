package io.tokengovernor.web.gateway;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/projects/{id}/gateway-key}. */
@Schema(name = "GatewayKeyRequest", description = "An upstream API key for the gateway to use for this project's calls")
public class GatewayKeyRequest {

    @NotNull(message = "must be anthropic or openai")
    @Pattern(regexp = "anthropic|openai", message = "must be anthropic or openai")
    @Schema(enumeration = {"anthropic", "openai"}, example = "anthropic")
    public String provider;

    @NotNull(message = "must be the provider's API key")
    @Size(min = 1, max = 4096, message = "must be 1 to 4,096 characters")
    @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
    @Schema(description = "Stored encrypted, never returned or logged", example = "sk-ant-api03-…")
    public String key;
}
