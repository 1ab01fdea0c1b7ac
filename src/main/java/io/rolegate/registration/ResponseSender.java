package io.rolegate.registration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends a custom resource response: one HTTP PUT of the JSON body to the pre-signed {@code ResponseURL}, without a
 * {@code Content-Type} (the URL is signed without one), never following a redirect elsewhere. Only URLs that
 * {@link ResponseUrls} allowed reach here.
 */
@ApplicationScoped
class ResponseSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final ObjectMapper json;

    ResponseSender(ObjectMapper json) {
        this.json = json;
    }

    /** True when S3 accepted the response (2xx). */
    boolean put(URI responseUrl, CustomResourceResponse response) {
        try {
            byte[] body = json.writeValueAsBytes(response);
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(responseUrl)
                    .timeout(TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
