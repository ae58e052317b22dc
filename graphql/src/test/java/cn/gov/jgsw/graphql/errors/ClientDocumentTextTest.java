package cn.gov.jgsw.graphql.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientDocumentTextTest {

    @Test
    void valuesOfTheLibrarysSyntaxTreeAreWrittenAsGraphQl() {
        assertThat(ClientDocumentText.of("Validation error (WrongType@[myVehicleOrders]) : argument 'first' with "
                + "value 'IntValue{value=99999999999}' is not a valid 'Int' - Expected value to be in the integer "
                + "range, but it was a '99999999999'"))
                .isEqualTo("Validation error (WrongType@[myVehicleOrders]) : argument 'first' with value "
                        + "'99999999999' is not a valid 'Int' - Expected value to be in the integer range, but it "
                        + "was a '99999999999'");
        assertThat(ClientDocumentText.of("value 'StringValue{value='x'}' is not a valid 'Int'"))
                .isEqualTo("value '\"x\"' is not a valid 'Int'");
        assertThat(ClientDocumentText.of("value 'ObjectValue{objectFields=[ObjectField{name='a', "
                + "value=ArrayValue{values=[IntValue{value=1}, NullValue{}, EnumValue{name='SEDAN'}]}}, "
                + "ObjectField{name='b', value=BooleanValue{value=true}}]}'"))
                .isEqualTo("value '{a: [1, null, SEDAN], b: true}'");
        assertThat(ClientDocumentText.of("value 'ObjectValue{objectFields=[ObjectField{name='a', "
                + "value=ObjectValue{objectFields=[ObjectField{name='b', value=ObjectValue{objectFields=["
                + "ObjectField{name='c', value=StringValue{value='}'}}]}}]}}]}'"))
                .isEqualTo("value '{a: {b: {c: \"}\"}}}'");
        assertThat(ClientDocumentText.of("Field 'x' in type 'Query' is undefined"))
                .isEqualTo("Field 'x' in type 'Query' is undefined");
    }
}
