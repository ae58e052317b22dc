package cn.gov.jgsw.graphql.runtime;

import cn.gov.jgsw.graphql.errors.ApiErrorCode;
import cn.gov.jgsw.graphql.errors.ApiException;
import cn.gov.jgsw.tenants.api.Caller;
import cn.gov.jgsw.tenants.api.Role;

import java.util.Arrays;

/** Checks that the caller holds one of the roles an operation is for; otherwise {@code FORBIDDEN}. */
public final class Roles {

    private Roles() {
    }

    public static void requireAny(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::hasRole)) {
            throw new ApiException(ApiErrorCode.FORBIDDEN, "needs one of " + Arrays.toString(roles));
        }
    }
}
