package cn.gov.jgsw.graphql.audit;

import cn.gov.jgsw.projections.audit.api.AuditEventView;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What an event of the record means, in words (审计记录的业务表述), from {@code i18n/audit*.properties}: Chinese, or
 * English when the caller asks for it; with the reason, comment or purpose the event carries, and who acted.
 */
@Component
public class AuditWording {

    /** The payload fields that say why, in the order they are looked for. */
    static final List<String> WHY = List.of("reason", "comment", "purpose", "note", "evidence");

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public AuditWording() {
        messages.setBasename("i18n/audit");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
    }

    static Locale localeOf(Locale requested) {
        return requested != null && Locale.ENGLISH.getLanguage().equals(requested.getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The words for an event type; the type itself if it has none (a test keeps every type worded). */
    public String meaning(String eventType, Locale requested) {
        try {
            return messages.getMessage(eventType, null, localeOf(requested));
        } catch (NoSuchMessageException unworded) {
            return eventType;
        }
    }

    /** "<who> <what>: <why>", e.g. "user-nanming-approver（审批人）用车申请获批：同意". */
    public String summary(AuditEventView event, String actorName, Locale requested) {
        boolean english = localeOf(requested) == Locale.ENGLISH;
        String who = actorName != null ? actorName : event.actorId() != null ? event.actorId()
                : english ? "the platform" : "平台";
        StringBuilder text = new StringBuilder(who).append(english ? " " : " ")
                .append(meaning(event.eventType(), requested));
        for (String field : WHY) {
            Object why = event.payload().get(field);
            if (why instanceof String words && !words.isBlank()) {
                text.append(english ? ": " : "：").append(words);
                break;
            }
        }
        if (event.client() != null) {
            text.append(english ? " (from " + event.client() + ")" : "（来自 " + event.client() + "）");
        }
        return text.toString();
    }
}
