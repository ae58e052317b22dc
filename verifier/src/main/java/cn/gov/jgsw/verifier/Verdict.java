package cn.gov.jgsw.verifier;

import java.util.List;

/**
 * What the verifier concludes: verified, or the first bad item, with what was checked before it.
 *
 * @param verified   whether everything checked out
 * @param summary    one line: what was verified, or the first bad item and why
 * @param checked    the checks that passed, in order
 */
public record Verdict(boolean verified, String summary, List<String> checked) {

    public Verdict {
        checked = List.copyOf(checked);
    }
}
