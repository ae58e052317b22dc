package cn.gov.jgsw.graphql.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * People's messages for error codes, from {@code i18n/errors*.properties} in {@code mobile-contract}. Chinese unless
 * the caller asked for English: any other language gets Chinese too, never the server's own locale.
 */
@Component
public class ErrorMessages {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ErrorMessages() {
        messages.setBasename("i18n/errors");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
    }

    /**
     * The message for an HTTP-level answer: English only if the request says so in {@code Accept-Language}; without
     * the header the servlet's locale is the server's own, which must not decide.
     */
    public String message(String code, HttpServletRequest request) {
        return message(code, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? null : request.getLocale());
    }

    public String message(String code, Locale requested) {
        Locale locale = requested != null && Locale.ENGLISH.getLanguage().equals(requested.getLanguage())
                ? Locale.ENGLISH : CHINESE;
        return messages.getMessage(code, null, messages.getMessage("INTERNAL_ERROR", null, locale), locale);
    }

    /**
     * The body of an HTTP-level refusal, shaped like a GraphQL error so the app reads every refusal the same way:
     * {@code {"errors":[{"message":…,"extensions":{"code":…, …}}]}}.
     */
    public Map<String, Object> errorBody(String code, HttpServletRequest request, Map<String, Object> extra) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(extra);
        return Map.of("errors", List.of(Map.of("message", message(code, request), "extensions", extensions)));
    }
}
