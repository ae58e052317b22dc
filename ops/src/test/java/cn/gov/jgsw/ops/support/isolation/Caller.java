package cn.gov.jgsw.ops.support.isolation;

import java.util.Locale;

/** The demo person of one bureau holding one role, e.g. {@code guiyang.bureau-admin}. */
record Caller(String bureau, String role) {

    String login() {
        return bureau.substring("bureau-".length()) + "." + role.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The person's internal id, as the demo data names it ({@code user-guiyang-bureau-admin}). */
    String userId() {
        return "user-" + login().replace('.', '-');
    }

    @Override
    public String toString() {
        return login();
    }
}
