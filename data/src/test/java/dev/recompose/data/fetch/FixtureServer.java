package dev.recompose.data.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local HTTP server on 127.0.0.1 that serves fixture files and misbehaves on request. */
final class FixtureServer implements AutoCloseable {

  /** How the next request for a file is answered. */
  enum Mode {
    NORMAL,
    /** Announce the full length, send half, drop the connection. */
    TRUNCATE,
    /** Send half and then nothing until the server closes. */
    STALL,
    /** Answer 200 with the whole file even when a Range is asked for. */
    IGNORE_RANGE
  }

  /** One request as the server saw it. */
  record Request(String path, String range) {}

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fixture-http");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Mode> modes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, ending in a slash. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  void put(String name, byte[] content) {
    files.put("/" + name, content);
  }

  /** Makes the next request for {@code name} behave as {@code mode}; later ones are normal. */
  void once(String name, Mode mode) {
    modes.put("/" + name, mode);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(new Request(path, range));
    byte[] body = files.get(path);
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    Mode mode = modes.remove(path);
    mode = mode == null ? Mode.NORMAL : mode;
    int start = 0;
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (mode != Mode.IGNORE_RANGE && m != null && m.matches()) {
      start = Integer.parseInt(m.group(1));
      if (start >= body.length) {
        ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
        ex.sendResponseHeaders(416, -1);
        ex.close();
        return;
      }
      ex.getResponseHeaders()
          .add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
      ex.sendResponseHeaders(206, body.length - start);
    } else {
      ex.sendResponseHeaders(200, body.length);
    }
    OutputStream out = ex.getResponseBody();
    int len = body.length - start;
    switch (mode) {
      case TRUNCATE -> {
        out.write(body, start, len / 2);
        out.flush();
        ex.close(); // fewer bytes than announced: the server drops the connection
      }
      case STALL -> {
        out.write(body, start, len / 2);
        out.flush();
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
      }
      default -> {
        out.write(body, start, len);
        ex.close();
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
