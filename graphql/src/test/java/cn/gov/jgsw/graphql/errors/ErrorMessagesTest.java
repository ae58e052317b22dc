package cn.gov.jgsw.graphql.errors;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error code a client can receive has a message for people in both languages. */
class ErrorMessagesTest {

    private final ErrorMessages messages = new ErrorMessages();

    @Test
    void everyCodeHasAChineseAndAnEnglishMessage() throws IOException {
        Properties chinese = bundle("errors.properties");
        Properties english = bundle("errors_en.properties");
        for (String code : ApiErrorCodes.all()) {
            assertThat(chinese.getProperty(code)).as("zh-CN message of " + code).isNotBlank();
            assertThat(english.getProperty(code)).as("en message of " + code).isNotBlank();
        }
    }

    @Test
    void englishOnlyForEnglishAndChineseForEveryoneElse() {
        assertThat(messages.message("NOT_FOUND", Locale.ENGLISH)).isEqualTo("Not found.");
        assertThat(messages.message("NOT_FOUND", Locale.US)).isEqualTo("Not found.");
        assertThat(messages.message("NOT_FOUND", Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到该对象。");
        assertThat(messages.message("NOT_FOUND", Locale.FRENCH)).isEqualTo("未找到该对象。");
        assertThat(messages.message("NOT_FOUND", (Locale) null)).isEqualTo("未找到该对象。");
    }

    @Test
    void anUnknownCodeFallsBackToTheGenericMessage() {
        assertThat(messages.message("NO_SUCH_CODE", Locale.ENGLISH))
                .isEqualTo("Something went wrong on our side. Please retry shortly.");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ErrorMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
