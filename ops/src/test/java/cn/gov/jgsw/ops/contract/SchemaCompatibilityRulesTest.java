package cn.gov.jgsw.ops.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gate calls breaking, on small schemas: every kind the contract names, and what may change freely. */
class SchemaCompatibilityRulesTest {

    private static final String RELEASED = """
            type Query {
                order(id: ID!): Order
                orders(first: Int): [Order!]!
            }
            type Order {
                id: ID!
                status: Status!
                purpose: String
                oldCode: String @deprecated(reason: "Use purpose.")
            }
            enum Status { PENDING APPROVED OLD @deprecated(reason: "Never set since release 1.") }
            """;

    private static String changed(String from, String to) {
        assertThat(RELEASED).contains(from);
        return RELEASED.replace(from, to);
    }

    @Test
    void theSameSchemaAndAdditionsBreakNothing() {
        assertThat(SchemaCompatibility.breakages(RELEASED, RELEASED)).isEmpty();
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("purpose: String\n",
                "purpose: String\n    driver: String\n"))).isEmpty();
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("orders(first: Int)",
                "orders(first: Int, after: String)"))).isEmpty();
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("PENDING APPROVED", "PENDING APPROVED DONE")))
                .isEmpty();
    }

    @Test
    void removingAFieldOrAnEnumValueBreaks() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("    purpose: String\n", ""))).isNotEmpty();
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("PENDING APPROVED", "PENDING"))).isNotEmpty();
    }

    @Test
    void changingATypeBreaks() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("purpose: String", "purpose: Int"))).isNotEmpty();
    }

    @Test
    void aNewRequiredArgumentBreaks() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("orders(first: Int)",
                "orders(first: Int, unit: ID!)"))).isNotEmpty();
    }

    @Test
    void anOutputThatMayNowBeNullBreaks() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("status: Status!", "status: Status")))
                .isNotEmpty();
    }

    @Test
    void anArgumentThatMustNowBeGivenBreaks() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed("orders(first: Int)", "orders(first: Int!)")))
                .isNotEmpty();
    }

    @Test
    void whatWasReleasedAsDeprecatedMayGo() {
        assertThat(SchemaCompatibility.breakages(RELEASED, changed(
                "    oldCode: String @deprecated(reason: \"Use purpose.\")\n", ""))).isEmpty();
        assertThat(SchemaCompatibility.breakages(RELEASED, changed(
                " OLD @deprecated(reason: \"Never set since release 1.\")", ""))).isEmpty();
    }

    @Test
    void aDeprecationWithoutAReasonIsFound() {
        assertThat(SchemaCompatibility.deprecationsWithoutReason(RELEASED)).isEmpty();
        assertThat(SchemaCompatibility.deprecationsWithoutReason(changed("purpose: String",
                "purpose: String @deprecated"))).containsExactly("purpose: String @deprecated");
    }
}
