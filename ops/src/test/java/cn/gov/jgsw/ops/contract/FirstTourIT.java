package cn.gov.jgsw.ops.contract;

import cn.gov.jgsw.ops.support.PlatformIT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first tour, run as a newcomer would paste it: its shell lines, as they stand in the README, against a
 * running platform. A change that breaks a step of the tour fails here, not in front of the first reader.
 */
class FirstTourIT extends PlatformIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmesFirstTourWorksAsWritten() throws Exception {
        String tour = shellBlockAfter(Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8),
                "## A first tour");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", tour)
                .directory(REPOSITORY.toFile()).redirectErrorStream(true);
        bash.environment().put("JGSW_URL", baseUrl());
        Process process = bash.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the tour ends").isTrue();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("\"decideApproval\":{\"approval\":{\"status\":\"APPROVED\"}}")
                .contains("\"vehicleOrder\":{\"status\":\"APPROVED\"}")
                .contains("提出用车申请：参加全省机关事务工作会议").contains("用车申请获批")
                .doesNotContain("\"errors\"");
    }

    private static String shellBlockAfter(String readme, String heading) throws IOException {
        int section = readme.indexOf(heading);
        assertThat(section).as("the README's section " + heading).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }
}
