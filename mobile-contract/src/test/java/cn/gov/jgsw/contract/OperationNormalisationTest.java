package cn.gov.jgsw.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The normal form and id the mobile contract's README documents, with the README's own example. */
class OperationNormalisationTest {

    private static final String README_EXAMPLE = """
            # The person signed in
            query Me {
              me {
                person { id, displayName }
                roles
              }
            }
            """;

    @Test
    void theReadmeExampleHasTheReadmesNormalFormAndId() {
        String normalised = OperationNormalisation.normalise(README_EXAMPLE);

        assertThat(normalised).isEqualTo("query Me{me{person{id displayName}roles}}");
        assertThat(OperationNormalisation.id(normalised))
                .isEqualTo("787ddac648ced3c0dac4924c915a019becfd1b4fc1ef23143b8774724c1efda3");
    }

    @Test
    void spacesGoAroundEveryPunctuatorAndStayBetweenNames() {
        assertThat(OperationNormalisation.normalise(
                "mutation  Order( $input : OrderVehicleInput! = null ,$x:[Int!]! ) @a( if : $x ) {\r\n"
                        + "  orderVehicle ( input : $input ) { ... VehicleOrderParts ... on Payload { id } }\n}"))
                .isEqualTo("mutation Order($input:OrderVehicleInput!=null$x:[Int!]!)@a(if:$x)"
                        + "{orderVehicle(input:$input){...VehicleOrderParts...on Payload{id}}}");
    }

    @Test
    void theSameOperationWrittenDifferentlyHasTheSameId() {
        String tidy = "query Units($first: Int) { units(first: $first) { edges { node { id name } } } }";
        String untidy = "query Units(\n  $first: Int,\n) {\n  # the bureau's units\n  units(first: $first) {\n"
                + "    edges { node { id, name } }\n  }\n}\n";

        assertThat(OperationNormalisation.id(OperationNormalisation.normalise(untidy)))
                .isEqualTo(OperationNormalisation.id(OperationNormalisation.normalise(tidy)));
    }
}
