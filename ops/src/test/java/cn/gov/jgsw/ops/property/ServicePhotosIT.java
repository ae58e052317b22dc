package cn.gov.jgsw.ops.property;

import cn.gov.jgsw.ops.support.GraphQlClient;
import cn.gov.jgsw.ops.support.Phones;
import cn.gov.jgsw.ops.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos of a service request: the requester attaches up to three JPEG or PNG images of at most 1 MiB; the requester,
 * property staff and bureau admins of the bureau read them; nobody else finds them; a refused upload stores nothing.
 */
class ServicePhotosIT extends PlatformIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A real picture of the given width, as a phone would send it. */
    private static byte[] picture(String format, int width) {
        BufferedImage picture = new BufferedImage(width, 60, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < 60; y++) {
                picture.setRGB(x, y, (x * 7 + y * 13) % 255 << 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(int width) {
        return picture("jpeg", width);
    }

    private String newRequest() {
        return Phones.of(baseUrl(), "nanming.civil-servant").execute(
                        GraphQlClient.operation("RequestPropertyService"), Map.of("input", Map.of(
                                "idempotencyKey", UUID.randomUUID().toString(), "category", "REPAIR",
                                "building", "3号楼", "room", "212", "description", "窗户玻璃破裂", "urgency", "NORMAL")))
                .data().at("/requestPropertyService/request/id").asText();
    }

    private HttpResponse<byte[]> upload(String login, String requestId, String contentType, byte[] data)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/service-requests/" + requestId
                                + "/photos"))
                        .header("Authorization", "Bearer " + Phones.accessTokenOf(baseUrl(), login))
                        .header("Content-Type", contentType)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> read(String login, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + url)).GET();
        if (login != null) {
            request.header("Authorization", "Bearer " + Phones.accessTokenOf(baseUrl(), login));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String codeOf(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body()).at("/errors/0/extensions/code").asText();
    }

    private long storedPhotos() {
        return platformDatabase.getCollection("service_photos").countDocuments();
    }

    @Test
    void theRequesterAttachesAPhotoThatStaffCanReadAndOthersCannotFind() throws Exception {
        String requestId = newRequest();
        byte[] image = jpeg(400);

        HttpResponse<byte[]> attached = upload("nanming.civil-servant", requestId, "image/jpeg", image);
        assertThat(attached.statusCode()).as(new String(attached.body())).isEqualTo(201);
        String url = JSON.readTree(attached.body()).get("url").asText();

        JsonNode listed = Phones.of(baseUrl(), "nanming.property-staff").execute(
                        GraphQlClient.operation("ServiceRequest"), Map.of("id", requestId))
                .data().at("/serviceRequest/photos/0");
        assertThat(listed.get("url").asText()).isEqualTo(url);
        byte[] kept = read("nanming.civil-servant", url).body();
        assertThat(listed.get("sizeBytes").asInt()).as("the picture as kept: encoded anew").isEqualTo(kept.length);
        assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(400);
        HttpResponse<byte[]> byStaff = read("nanming.property-staff", url);
        assertThat(byStaff.body()).isEqualTo(kept);
        assertThat(byStaff.headers().firstValue("Content-Type")).contains("image/jpeg");

        HttpResponse<byte[]> otherBureau = read("yunyan.property-staff", url);
        HttpResponse<byte[]> missing = read("yunyan.property-staff", "/api/photos/photo-" + UUID.randomUUID());
        assertThat(otherBureau.statusCode()).isEqualTo(404);
        assertThat(otherBureau.body()).isEqualTo(missing.body());
        assertThat(read("nanming.driver", url).statusCode()).as("a colleague").isEqualTo(404);
        assertThat(read(null, url).statusCode()).isEqualTo(401);
    }

    @Test
    void refusedUploadsStoreNothing() throws Exception {
        String requestId = newRequest();
        long photos = storedPhotos();
        long events = storedEvents();

        HttpResponse<byte[]> notAnImage = upload("nanming.civil-servant", requestId, "image/jpeg",
                "not a picture".getBytes());
        HttpResponse<byte[]> renamed = upload("nanming.civil-servant", requestId, "image/png", jpeg(100));
        HttpResponse<byte[]> gif = upload("nanming.civil-servant", requestId, "image/gif", picture("gif", 100));
        HttpResponse<byte[]> onlyItsFirstBytes = upload("nanming.civil-servant", requestId, "image/jpeg",
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        HttpResponse<byte[]> tooLarge = upload("nanming.civil-servant", requestId, "image/jpeg",
                Arrays.copyOf(jpeg(100), 1024 * 1024 + 1));
        HttpResponse<byte[]> notTheRequester = upload("nanming.property-staff", requestId, "image/jpeg", jpeg(100));
        HttpResponse<byte[]> otherBureau = upload("yunyan.civil-servant", requestId, "image/jpeg", jpeg(100));

        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(codeOf(notAnImage)).isEqualTo("INVALID_PHOTO");
        assertThat(codeOf(renamed)).isEqualTo("INVALID_PHOTO");
        assertThat(codeOf(gif)).isEqualTo("INVALID_PHOTO");
        assertThat(codeOf(onlyItsFirstBytes)).isEqualTo("INVALID_PHOTO");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(codeOf(tooLarge)).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(notTheRequester.statusCode()).isEqualTo(404);
        assertThat(otherBureau.statusCode()).isEqualTo(404);
        assertThat(storedPhotos()).isEqualTo(photos);
        assertThat(storedEvents()).isEqualTo(events);
    }

    /** A picture with a web page appended is kept as its pixels only: what is served is no page. */
    @Test
    void whatIsKeptIsThePictureAloneEncodedAnew() throws Exception {
        String requestId = newRequest();
        byte[] png = picture("png", 50);
        byte[] page = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes();
        byte[] withPage = Arrays.copyOf(png, png.length + page.length);
        System.arraycopy(page, 0, withPage, png.length, page.length);

        HttpResponse<byte[]> attached = upload("nanming.civil-servant", requestId, "image/png", withPage);

        assertThat(attached.statusCode()).isEqualTo(201);
        byte[] served = read("nanming.civil-servant", JSON.readTree(attached.body()).get("url").asText()).body();
        assertThat(new String(served, StandardCharsets.ISO_8859_1)).doesNotContain("<html", "script");
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(50);
    }

    @Test
    void aRequestHoldsAtMostThreePhotos() throws Exception {
        String requestId = newRequest();
        for (int i = 0; i < 3; i++) {
            assertThat(upload("nanming.civil-servant", requestId, "image/jpeg", jpeg(1000 + i)).statusCode())
                    .isEqualTo(201);
        }
        long photos = storedPhotos();

        HttpResponse<byte[]> fourth = upload("nanming.civil-servant", requestId, "image/jpeg", jpeg(999));

        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(codeOf(fourth)).isEqualTo("TOO_MANY_PHOTOS");
        assertThat(storedPhotos()).isEqualTo(photos);
    }
}
