package cn.gov.jgsw.ops.support;

import cn.gov.jgsw.ops.ledger.TreeHeadSigner;
import cn.gov.jgsw.verifier.TrustedKeys;

import java.util.Map;

/**
 * The keys a court would obtain outside a bundle, as the tests obtain them: the demo province's ledger public key,
 * which vouches for every bureau below it through their parents' records.
 */
public final class LedgerKeys {

    public static final String PROVINCE = "bureau-guizhou";

    private LedgerKeys() {
    }

    public static TrustedKeys ofProvince(TreeHeadSigner signer) {
        return TrustedKeys.of(Map.of(PROVINCE, signer.publicKeyOf(PROVINCE)));
    }
}
