package cn.gov.jgsw.ops.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The serializer of snapshots. A snapshot holds an aggregate's state, which lives in private fields without getters
 * (the domain exposes behaviour, not state), so this serializer reads and writes fields only. Should a snapshot ever
 * fail to read (a field renamed), Axon falls back to the aggregate's events: snapshots are a cache, events the record.
 */
public final class AggregateStateSerializer {

    private AggregateStateSerializer() {
    }

    public static Serializer create() {
        ObjectMapper fieldsOnly = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder().objectMapper(fieldsOnly).build();
    }
}
