package cn.gov.jgsw.ops;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of ARCHITECTURE.md, checked on the assembled platform. */
@AnalyzeClasses(packages = "cn.gov.jgsw", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworkButAxon = classes()
            .that().resideInAPackage("cn.gov.jgsw.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "org.axonframework..", "cn.gov.jgsw.domain..")
            .because("the domain is the business and Axon's modelling, nothing else (ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule tenantsUseOnlyTheDomainApi = noClasses()
            .that().resideInAPackage("cn.gov.jgsw.tenants..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "cn.gov.jgsw.projections..", "cn.gov.jgsw.graphql..", "cn.gov.jgsw.ops..")
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.domain"));

    @ArchTest
    static final ArchRule projectionsUseOnlyApis = noClasses()
            .that().resideInAPackage("cn.gov.jgsw.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.gov.jgsw.graphql..", "cn.gov.jgsw.ops..")
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.domain"))
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.tenants"));

    @ArchTest
    static final ArchRule graphqlSeesOnlyApiPackages = noClasses()
            .that().resideInAPackage("cn.gov.jgsw.graphql..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.gov.jgsw.ops..")
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.domain"))
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.projections"))
            .orShould().dependOnClassesThat(OnlyApi.outsideApiOf("cn.gov.jgsw.tenants"));

    @ArchTest
    static final ArchRule readModelsAreNotWrittenFromTheApi = noClasses()
            .that().resideInAPackage("cn.gov.jgsw.graphql..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
            .because("the API reads views through queries, never through a projection's internals");
}
