package io.streamgate.platform.webhooks.control;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The first {@code limit} bytes of a receiver's answer, read without holding a thread: once they
 * are in, or the answer ends, the rest is cancelled. A receiver that stops sending leaves it
 * incomplete, and the attempt's overall timeout ends the attempt. The text keeps line breaks and
 * tabs; other control characters (a NUL, which PostgreSQL cannot store) become U+FFFD.
 */
final class AnswerHead implements HttpResponse.BodySubscriber<String> {

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<String> text = new CompletableFuture<>();
  private Flow.Subscription subscription;

  AnswerHead(int limit) {
    this.limit = limit;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      int take = Math.min(item.remaining(), limit - bytes.size());
      byte[] chunk = new byte[take];
      item.get(chunk);
      bytes.write(chunk, 0, take);
    }
    if (bytes.size() >= limit) {
      subscription.cancel();
      complete();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable failure) {
    if (!text.isDone() && bytes.size() > 0) {
      complete();
    } else {
      text.completeExceptionally(failure);
    }
  }

  @Override
  public void onComplete() {
    complete();
  }

  @Override
  public CompletionStage<String> getBody() {
    return text;
  }

  private void complete() {
    text.complete(printable(new String(bytes.toByteArray(), StandardCharsets.UTF_8)));
  }

  static String printable(String answer) {
    StringBuilder kept = new StringBuilder(answer.length());
    answer
        .codePoints()
        .forEach(
            c ->
                kept.appendCodePoint(
                    Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? 0xFFFD : c));
    return kept.toString();
  }
}
