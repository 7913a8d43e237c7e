package dev.switchboard.designer.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/** Real HTTP load on a webhook: JSON events {@code {"name": "customer N"}}, a fixed number in flight at a time. */
public final class WebhookBurst {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private WebhookBurst() {}

    /**
     * Posts {@code count} events numbered from {@code firstNumber}, {@code concurrency} at a time,
     * calling {@code beforeEach} with the index before each is sent; returns how many answers had each status code.
     */
    public static Map<Integer, Long> post(
            URI hook, int count, int concurrency, long firstNumber, IntConsumer beforeEach)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Integer>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            beforeEach.accept(i);
            String body = "{\"name\": \"customer " + (firstNumber + i) + "\"}";
            answers.add(HTTP.sendAsync(
                            HttpRequest.newBuilder(hook)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((code, e) -> inFlight.release()));
        }
        return answers.stream()
                .map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
