package fr.apl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives a headless Chromium for the tests: screenshots through its command line, and the
 * console through the Chrome DevTools Protocol, because the log Chromium prints on stderr
 * ({@code --enable-logging=stderr}) writes console.log and console.error alike ({@code
 * INFO:CONSOLE}) and leaves out the failed loads of resources; the protocol gives each message
 * its level: {@code Runtime.consoleAPICalled} (console.error, console.assert), {@code
 * Runtime.exceptionThrown} (an uncaught exception) and {@code Log.entryAdded} (the browser's own
 * errors: a resource that fails to load, a blocked request).
 */
final class Chromium {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Chromium() {}

  /** Returns the browser on the PATH (chromium, chromium-browser, google-chrome), or null. */
  static Path find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(folder, name);
        if (Files.isExecutable(p) && !Files.isDirectory(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static List<String> base(Path chromium, Path profile) {
    return new ArrayList<>(List.of(
        chromium.toString(),
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--user-data-dir=" + profile));
  }

  /**
   * Takes a screenshot of a page as Chromium's command line does.
   *
   * @return Chromium's stderr, for messages
   */
  static String screenshot(Path chromium, Path page, Path png, int width, int height, Path profile)
      throws IOException, InterruptedException {
    List<String> cmd = base(chromium, profile);
    cmd.addAll(List.of(
        "--hide-scrollbars",
        "--screenshot=" + png,
        "--window-size=" + width + "," + height,
        page.toUri().toString()));
    Process p = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium took more than 120 s for the screenshot");
    }
    removeSingletons(profile);
    return Files.readString(
        profile.resolveSibling(profile.getFileName() + ".log"), StandardCharsets.UTF_8);
  }

  /**
   * Opens a page and returns the console errors, uncaught exceptions and browser errors it
   * causes up to one second after its load event. The protocol runs over
   * {@code --remote-debugging-pipe}: Chromium reads commands on its file descriptor 3 and writes
   * replies and events on 4, each a JSON text ended by a NUL; a shell hands it our pipes there.
   */
  static List<String> consoleErrors(Path chromium, Path page, Path profile)
      throws IOException, InterruptedException {
    List<String> cmd = base(chromium, profile);
    cmd.add("--remote-debugging-pipe");
    cmd.add("about:blank");
    StringBuilder line = new StringBuilder("exec");
    for (String c : cmd) {
      line.append(" '").append(c.replace("'", "'\\''")).append('\'');
    }
    line.append(" 3<&0 4>&1 0</dev/null 1>/dev/null");
    Process p = new ProcessBuilder("/bin/sh", "-c", line.toString())
        .redirectError(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    try {
      return new Session(p).errorsOf(page);
    } finally {
      // Browser.close asked it to quit: let it tidy up (its temporary folders) before ending it.
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      removeSingletons(profile);
    }
  }

  /**
   * Deletes the folders that Chromium's profile lock links point to ({@code SingletonSocket}…
   * to {@code /tmp/org.chromium.Chromium.XXXXXX}), which a browser that did not quit cleanly
   * leaves behind outside the test's own folder.
   */
  static void removeSingletons(Path profile) throws IOException {
    for (String name : List.of("SingletonSocket", "SingletonCookie", "SingletonLock")) {
      Path link = profile.resolve(name);
      if (!Files.isSymbolicLink(link)) {
        continue;
      }
      Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
      Path folder = target.getParent();
      Files.delete(link);
      if (folder != null
          && folder.getFileName().toString().startsWith("org.chromium.Chromium.")
          && Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (var files = Files.list(folder)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(folder);
      }
    }
  }

  /** One DevTools connection: numbered commands, their replies and the events in between. */
  private static final class Session {
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final OutputStream commands;
    private final List<JsonNode> events = new ArrayList<>();
    private int next = 1;

    Session(Process p) {
      this.commands = p.getOutputStream();
      InputStream replies = p.getInputStream();
      Thread reader = new Thread(() -> {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
          byte[] buf = new byte[1 << 16];
          int n;
          while ((n = replies.read(buf)) > 0) {
            for (int k = 0; k < n; k++) {
              if (buf[k] == 0) {
                inbox.add(JSON.readTree(message.toByteArray()));
                message.reset();
              } else {
                message.write(buf[k]);
              }
            }
          }
        } catch (IOException e) {
          // The browser closed the pipe: the commands waiting time out with a message.
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    /** Sends a command and returns its result; events met meanwhile are kept. */
    JsonNode call(String sessionId, String method, ObjectNode params)
        throws IOException, InterruptedException {
      int id = next++;
      ObjectNode msg = JSON.createObjectNode();
      msg.put("id", id);
      msg.put("method", method);
      msg.set("params", params == null ? JSON.createObjectNode() : params);
      if (sessionId != null) {
        msg.put("sessionId", sessionId);
      }
      commands.write(JSON.writeValueAsBytes(msg));
      commands.write(0);
      commands.flush();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < until) {
        JsonNode m = inbox.poll(1, TimeUnit.SECONDS);
        if (m == null) {
          continue;
        }
        if (m.has("id") && m.get("id").asInt() == id) {
          if (m.has("error")) {
            throw new IOException(method + ": " + m.get("error"));
          }
          return m.get("result");
        }
        events.add(m);
      }
      throw new IOException(method + ": no reply in 60 s");
    }

    List<String> errorsOf(Path page) throws IOException, InterruptedException {
      ObjectNode target = JSON.createObjectNode().put("url", "about:blank");
      String targetId =
          call(null, "Target.createTarget", target).get("targetId").asText();
      ObjectNode attach = JSON.createObjectNode().put("targetId", targetId).put("flatten", true);
      String session =
          call(null, "Target.attachToTarget", attach).get("sessionId").asText();
      call(session, "Runtime.enable", null);
      call(session, "Log.enable", null);
      call(session, "Page.enable", null);
      call(
          session,
          "Page.navigate",
          JSON.createObjectNode().put("url", page.toUri().toString()));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      boolean loaded = false;
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(until, quietUntil)) {
        for (JsonNode e : events) {
          if (!loaded && "Page.loadEventFired".equals(e.path("method").asText())) {
            loaded = true;
            quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
          }
        }
        JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (m != null) {
          events.add(m);
        }
      }
      if (!loaded) {
        throw new IOException("the page did not load in 60 s: " + page);
      }
      List<String> errors = new ArrayList<>();
      for (JsonNode e : events) {
        JsonNode params = e.path("params");
        switch (e.path("method").asText()) {
          case "Runtime.consoleAPICalled" -> {
            String type = params.path("type").asText();
            if (type.equals("error") || type.equals("assert")) {
              StringBuilder text = new StringBuilder("console." + type + ":");
              for (JsonNode a : params.path("args")) {
                text.append(' ')
                    .append(a.has("value") ? a.get("value").asText() : a.path("description"));
              }
              errors.add(text.toString());
            }
          }
          case "Runtime.exceptionThrown" ->
            errors.add("exception: "
                + params
                    .path("exceptionDetails")
                    .path("exception")
                    .path("description")
                    .asText(params.path("exceptionDetails").path("text").asText()));
          case "Log.entryAdded" -> {
            JsonNode entry = params.path("entry");
            if (entry.path("level").asText().equals("error")) {
              errors.add("log: " + entry.path("text").asText() + " "
                  + entry.path("url").asText());
            }
          }
          default -> {
            // Other events say nothing about errors.
          }
        }
      }
      try {
        call(null, "Browser.close", null);
      } catch (IOException e) {
        // Closing drops the connection, at times before the reply: the process is ended anyway.
      }
      return errors;
    }
  }
}
