package cn.gov.jgsw.ops;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** Classes of a module that are not in one of its {@code api} packages: what other modules must not touch. */
final class OnlyApi {

    private OnlyApi() {
    }

    static DescribedPredicate<JavaClass> outsideApiOf(String modulePackage) {
        return DescribedPredicate.describe("classes of " + modulePackage + " outside its api packages",
                javaClass -> javaClass.getPackageName().startsWith(modulePackage + ".")
                        && !javaClass.getPackageName().matches(java.util.regex.Pattern.quote(modulePackage)
                        + "(\\.[a-z0-9]+)*\\.api(\\..*)?"));
    }
}
