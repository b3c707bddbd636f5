package io.streamgate.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The organiser's SMTP server, for the shared instance: GreenMail on a loopback port of its own,
 * which a test can stop (an outage) and start again on the same port. Messages received before a
 * stop are kept.
 */
final class MailServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  /** One message as a test reads it. */
  record Received(String to, String from, String subject, String body) {}

  private final int port = LaunchedStreamGate.freePort();
  private final List<Received> before = new ArrayList<>();
  private GreenMail server;

  MailServer() {
    start();
  }

  int port() {
    return port;
  }

  synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  /** Stops answering: connections are refused until {@link #start}. */
  synchronized void stop() {
    if (server != null) {
      before.addAll(read(server));
      server.stop();
      server = null;
    }
  }

  /** Every message received so far. */
  synchronized List<Received> received() {
    List<Received> all = new ArrayList<>(before);
    if (server != null) {
      all.addAll(read(server));
    }
    return all;
  }

  /** The messages to addresses at this domain. */
  List<Received> to(String domain) {
    return received().stream().filter(message -> message.to().endsWith("@" + domain)).toList();
  }

  private static List<Received> read(GreenMail server) {
    List<Received> read = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      try {
        Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
        read.add(
            new Received(
                ((InternetAddress) to[0]).getAddress(),
                ((InternetAddress) message.getFrom()[0]).getAddress(),
                message.getSubject(),
                message.getContent().toString().replace("\r\n", "\n")));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return read;
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }
}
