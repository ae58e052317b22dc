package cn.gov.jgsw.ops.contract;

import graphql.schema.diff.DiffCategory;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compatibility gate between a released schema and the schema now: what an app of that release would break on.
 * graphql-java's {@link SchemaDiff} judges each difference: a removed field, argument or enum value, a changed type,
 * a new required argument or input field, an output that may now be null where it never was (the guarantee the app
 * relied on, tightened away), an input that must now be given where it could be left out. Each is a breakage,
 * except the removal of what the released schema had already marked {@code @deprecated}: that element went through a
 * deprecation period, released as deprecated, and may go.
 */
final class SchemaCompatibility {

    private static final Pattern DEPRECATED = Pattern.compile("@deprecated(\\s*\\(\\s*reason\\s*:\\s*\"[^\"]+\")?");

    private SchemaCompatibility() {
    }

    /** The breakages of {@code now} for apps of the release whose schema was {@code released}, in words. */
    static List<String> breakages(String released, String now) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(released, now), reporter);
        List<String> breakages = new ArrayList<>();
        for (DiffEvent event : reporter.getBreakages()) {
            if (event.getCategory() != DiffCategory.DEPRECATION_REMOVED) {
                breakages.add(event.getCategory() + " " + event.getTypeName()
                        + (event.getFieldName() == null ? "" : "." + event.getFieldName()) + ": "
                        + event.getReasonMsg());
            }
        }
        return breakages;
    }

    /** Every {@code @deprecated} of the schema that gives no reason; the app's team needs to know what to use instead. */
    static List<String> deprecationsWithoutReason(String sdl) {
        List<String> found = new ArrayList<>();
        Matcher deprecated = DEPRECATED.matcher(sdl);
        while (deprecated.find()) {
            if (deprecated.group(1) == null) {
                int lineStart = sdl.lastIndexOf('\n', deprecated.start()) + 1;
                int lineEnd = sdl.indexOf('\n', deprecated.start());
                found.add(sdl.substring(lineStart, lineEnd < 0 ? sdl.length() : lineEnd).trim());
            }
        }
        return found;
    }
}
