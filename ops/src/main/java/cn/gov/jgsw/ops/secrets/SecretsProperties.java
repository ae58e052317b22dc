package cn.gov.jgsw.ops.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the key-encryption key comes from.
 *
 * @param keyEncryptionKeyFile the file holding it ({@code JGSW_KEY_ENCRYPTION_KEY_FILE}); required outside the demo
 *                             profile, which otherwise keeps one beside the data directory
 */
@ConfigurationProperties(prefix = "jgsw.secrets")
public record SecretsProperties(Path keyEncryptionKeyFile) {
}
