package cn.gov.jgsw.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain knows the business and Axon's modelling, nothing of how the platform stores or serves it. */
@AnalyzeClasses(packages = "cn.gov.jgsw.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainBoundariesTest {

    @ArchTest
    static final ArchRule noSpringMongoOrGraphQlInTheDomain = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.mongodb..", "org.bson..", "graphql..", "jakarta.persistence..")
            .because("the domain stays free of frameworks other than Axon's modelling (ARCHITECTURE.md, Modules)");

    @ArchTest
    static final ArchRule apiPackagesDoNotSeeAggregates = noClasses()
            .that().resideInAPackage("..domain.*.api..")
            .should().dependOnClassesThat().resideInAPackage("cn.gov.jgsw.domain.(*)")
            .allowEmptyShould(true)
            .because("the api of a context is its public contract and must not leak its aggregates");
}
