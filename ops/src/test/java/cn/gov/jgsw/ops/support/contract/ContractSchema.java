package cn.gov.jgsw.ops.support.contract;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** The contract's schema as the platform loads it (every {@code graphql/*.graphqls}), for checking documents only. */
public final class ContractSchema {

    private static final GraphQLSchema CURRENT = fromSdl(currentSdl());

    private ContractSchema() {
    }

    public static GraphQLSchema current() {
        return CURRENT;
    }

    /** The current SDL: every schema file of the contract, in the order of their names. */
    public static String currentSdl() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            StringBuilder sdl = new StringBuilder();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    sdl.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
            return sdl.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GraphQLSchema fromSdl(String sdl) {
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }
}
