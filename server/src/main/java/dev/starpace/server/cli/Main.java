package dev.starpace.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.starpace.engine.Analyzer;
import dev.starpace.engine.Level;
import dev.starpace.engine.ScoredTranscript;
import dev.starpace.engine.bank.Card;
import dev.starpace.engine.bank.CardException;
import dev.starpace.engine.bank.QuestionBank;
import dev.starpace.engine.bank.UnknownQuestionException;
import dev.starpace.server.audio.AudioDecoder;
import dev.starpace.server.audio.AudioException;
import dev.starpace.server.speech.ModelException;
import dev.starpace.server.speech.NoSpeechException;
import dev.starpace.server.speech.RecordingAnalyzer;
import dev.starpace.server.speech.SpeechModel;
import dev.starpace.server.store.StorageException;
import dev.starpace.server.team.TeamConfig;
import dev.starpace.server.team.TeamConfigException;
import dev.starpace.server.web.ServerException;
import dev.starpace.server.web.StarPaceServer;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The starpace command line (picocli: each option declared once, typed, with per-command --help). Each failure
 * prints one line on stderr and exits with a code that says what kind of failure it was.
 */
@Command(name = "starpace", mixinStandardHelpOptions = true, version = "StarPace 0.1.0",
    description = "An offline mock-interview coach: scores spoken or written STAR answers.",
    subcommands = {Main.Analyze.class, Main.Batch.class, Main.Serve.class, Main.Questions.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes:", "  0  done", "  1  internal error (a bug)",
        "  2  usage: unknown command or option, a bad option value",
        "  3  bad input: a file, folder, recording, database, model or port that cannot",
        "     be used; a batch in which a recording failed",
        "  4  unknown question or bad card"})
public final class Main implements Callable<Integer> {
    /** The exit codes, as documented in the README and in --help. */
    static final int DONE = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int BAD_INPUT = 3;
    static final int UNKNOWN_QUESTION = 4;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }

    /** Runs a command and returns the process exit code. */
    int run(String... args) {
        CommandLine cli = new CommandLine(this);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, given) -> {
            err.println("starpace: " + usageLine(e));
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            int code = code(e);
            err.println("starpace: " + (code == INTERNAL ? "internal error: the command failed (a bug); set STARPACE_DEBUG=1 to see where"
                : firstLine(e.getMessage())));
            if (code == INTERNAL && System.getenv("STARPACE_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return code;
        });
        return cli.execute(args);
    }

    /** No command: the usage, and the exit code of a usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return USAGE;
    }

    private static String usageLine(CommandLine.ParameterException e) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getCommandSpec().parent() == null
            && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "' (try: starpace --help)";
        }
        return firstLine(e.getMessage()) + " (try: " + command + " --help)";
    }

    private static String firstLine(String message) {
        return message == null ? "failed" : message.lines().findFirst().orElse("failed");
    }

    private static int code(Exception e) {
        if (e instanceof UsageException) {
            return USAGE;
        }
        if (e instanceof InputException || e instanceof AudioException || e instanceof NoSpeechException
            || e instanceof ModelException || e instanceof StorageException || e instanceof ServerException
            || e instanceof TeamConfigException) {
            return BAD_INPUT;
        }
        if (e instanceof CardException || e instanceof UnknownQuestionException) {
            return UNKNOWN_QUESTION;
        }
        return INTERNAL;
    }

    /** Where the cards come from: the built-in bank, plus a folder of one's own. */
    static final class Cards {
        @Option(names = "--cards", paramLabel = "DIR", description = "A folder of extra *.json cards (default: STARPACE_CARDS).")
        Path cards;

        QuestionBank bank() {
            QuestionBank bank = QuestionBank.builtIn();
            Path folder = cards != null ? cards : System.getenv("STARPACE_CARDS") == null ? null : Path.of(System.getenv("STARPACE_CARDS"));
            return folder == null ? bank : bank.withFolder(folder);
        }
    }

    /** Which Vosk model transcribes recordings. */
    static final class Model {
        @Option(names = "--model", paramLabel = "DIR", description = "A Vosk model folder (default: STARPACE_MODEL, else the one the build provisions).")
        String model;

        SpeechModel load() {
            return SpeechModel.find(model);
        }
    }

    /** A level, as the engine names it; a bad one is a usage error that lists the good ones. */
    static final class LevelConverter implements CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String text) {
            try {
                return Level.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    enum Format { json, text }

    @Command(name = "analyze", mixinStandardHelpOptions = true, description = {"Score one answer. FILE is a recording (.wav;"
        + " mp3, m4a, ogg, webm, flac with ffmpeg), a timed transcript (.json: {\"words\": [...]} or Vosk results) or a"
        + " written answer (.txt)."})
    static final class Analyze implements Callable<Integer> {
        @ParentCommand
        Main main;
        @Option(names = "--question", paramLabel = "ID", description = "The card answered (default: the generic card).")
        String question;
        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "sde2", converter = LevelConverter.class,
            description = "sde1, sde2 or senior (default: ${DEFAULT-VALUE}).")
        Level level;
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
        Format format;
        @Mixin
        Cards cards;
        @Mixin
        Model model;
        @Parameters(paramLabel = "FILE", arity = "1", description = "The answer.")
        Path file;

        @Override
        public Integer call() {
            QuestionBank bank = cards.bank();
            Card card = bank.get(question);
            Analyzer analyzer = new Analyzer(bank);
            ScoredTranscript scored = AudioDecoder.isAudio(file)
                ? new RecordingAnalyzer(analyzer, model.load(), new AudioDecoder()).analyze(file, card, level).transcript()
                : AnswerInput.isWritten(file) ? analyzer.analyzeWritten(AnswerInput.written(file), card.id(), level)
                : analyzer.analyze(AnswerInput.read(file), card.id(), level);
            if (format == Format.text) {
                main.out.print(TextReport.render(scored));
            } else {
                main.out.println(json(scored));
            }
            return DONE;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true, description = {"Score every recording in the files and"
        + " folders given. Writes to --out one JSON per recording, a summary.csv and a report.html; recordings done before"
        + " are skipped unless --force."})
    static final class Batch implements Callable<Integer> {
        @ParentCommand
        Main main;
        @Option(names = "--question", paramLabel = "ID", description = "The card answered (default: the generic card).")
        String question;
        @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "sde2", converter = LevelConverter.class,
            description = "sde1, sde2 or senior (default: ${DEFAULT-VALUE}).")
        Level level;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "starpace-out", description = "Where results go (default: ${DEFAULT-VALUE}).")
        Path outDir;
        @Option(names = "--jobs", paramLabel = "N", description = "Recordings analysed at once, 1 to 64 (default: the number of cores).")
        Integer jobs;
        @Option(names = "--force", description = "Analyse again what was analysed before.")
        boolean force;
        @Mixin
        Cards cards;
        @Mixin
        Model model;
        @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Recordings, or folders of them.")
        List<String> inputs;

        @Override
        public Integer call() {
            int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
            if (n < 1 || n > 64) {
                throw new UsageException("--jobs must be a number from 1 to 64, not '" + n + "'");
            }
            return new BatchCommand(main.out, main.err).run(new BatchCommand.Options(inputs, question, level, outDir, n,
                force, cards.bank(), model));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = {"The web app and its API on"
        + " http://127.0.0.1:7070 (localhost only unless --host says otherwise); attempts are kept in the data folder."
        + " Requests must name this server as their Host: the bound address, localhost, or a NAME from --allowed-host."})
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        Main main;
        @Option(names = "--host", paramLabel = "HOST", defaultValue = StarPaceServer.DEFAULT_HOST, description = "Address to listen on (default: ${DEFAULT-VALUE}).")
        String host;
        @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + StarPaceServer.DEFAULT_PORT, description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:STARPACE_DATA:-starpace-data}",
            description = "Where attempts are kept (default: STARPACE_DATA, else the folder starpace-data here).")
        Path data;
        @Option(names = "--allowed-host", paramLabel = "NAME", split = ",", description = "Other host names to answer to (comma-separated or repeated).")
        List<String> allowedHosts = List.of();
        @Option(names = "--max-streams", paramLabel = "N", description = "Live answers heard at once; a start beyond them"
            + " is told the server is busy and when to try again (default: 8 per core, ${DEFAULT-VALUE} here).")
        int maxStreams = StarPaceServer.defaultMaxStreams();
        @Option(names = "--team", paramLabel = "CONFIG", description = "Team mode: attempts in the PostgreSQL database"
            + " that the file CONFIG names, with its public URL and host names (docs/teams.md); --data is then not used.")
        Path team;
        @Option(names = "--insecure-no-sign-in", description = "Start team mode with no sign-in: anyone who reaches the"
            + " server can use it. For tests and development only.")
        boolean insecureNoSignIn;
        @Mixin
        Cards cards;
        @Mixin
        Model model;

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be between 0 and 65535, not " + port);
            }
            if (maxStreams < 1 || maxStreams > 1000) {
                throw new UsageException("--max-streams must be between 1 and 1000, not " + maxStreams);
            }
            requireLocalAddress(host);
            if (insecureNoSignIn && team == null) {
                throw new UsageException("--insecure-no-sign-in is for team mode only (with --team CONFIG)");
            }
            List<String> allowed = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
            TeamConfig config = team == null ? null : TeamConfig.read(team).withInsecureNoSignIn(insecureNoSignIn);
            if (config != null) {
                config.requireSignIn(); // before the speech model loads: a refused start says so at once
            }
            StarPaceServer server = StarPaceServer.start(new StarPaceServer.Settings(host, port, data, cards.bank(), model.load(), allowed,
                maxStreams, config));
            if (server.recoveredSummary() != null) {
                main.out.println(server.recoveredSummary());
            }
            if (config != null && config.insecureNoSignIn()) {
                main.err.println("starpace: team mode WITHOUT SIGN-IN (--insecure-no-sign-in): anyone who reaches this server can"
                    + " hear, read and delete every answer; for tests only");
            }
            main.out.printf("StarPace is running on http://%s:%d/ (attempts in %s%s); Ctrl-C stops it%n",
                host, server.port(), config == null ? data.toAbsolutePath() : "the team database " + config.database().where(),
                config != null && config.signsIn() ? ", sign-in through " + config.signIn().issuer() : "");
            // SIGTERM (a service manager's stop) and Ctrl-C end the answers in progress, kept, then exit 0; the hook is
            // for any other way the JVM is asked to stop
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            CountDownLatch stop = new CountDownLatch(1);
            for (String signal : List.of("TERM", "INT")) {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
            }
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.close();
            main.out.println("StarPace stopped; answers in progress were kept");
            return DONE;
        }
    }

    /** A host this machine cannot listen on is a usage error, said before the speech model loads. */
    static void requireLocalAddress(String host) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(host);
            if (!address.isAnyLocalAddress() && java.net.NetworkInterface.getByInetAddress(address) == null) {
                throw new UsageException("--host " + host + " is not an address of this machine (try 127.0.0.1, or 0.0.0.0 for every address)");
            }
        } catch (java.net.UnknownHostException | java.net.SocketException e) {
            throw new UsageException("--host " + host + " is not an address or known host name (try 127.0.0.1, or 0.0.0.0 for every address)");
        }
    }

    @Command(name = "questions", mixinStandardHelpOptions = true, description = "List the question cards, optionally those for one Leadership Principle.")
    static final class Questions implements Callable<Integer> {
        @ParentCommand
        Main main;
        @Option(names = "--lp", paramLabel = "LP", description = "A Leadership Principle, e.g. \"dive deep\".")
        String lp;
        @Mixin
        Cards cards;

        @Override
        public Integer call() {
            QuestionBank bank = cards.bank();
            List<Card> listed = lp == null ? bank.cards() : bank.byLp(lp);
            int idWidth = listed.stream().mapToInt(c -> c.id().length()).max().orElse(0);
            int lpWidth = listed.stream().mapToInt(c -> lpColumn(c).length()).max().orElse(0);
            for (Card c : listed) {
                main.out.printf("%-" + idWidth + "s  %-" + lpWidth + "s  %s%n", c.id(), lpColumn(c), c.question());
            }
            return DONE;
        }

        /** The card's LP, and when --lp matched only one of its LP angles, that angle: the story retold for it. */
        private String lpColumn(Card c) {
            if (lp == null || c.lp().toLowerCase(java.util.Locale.ROOT).contains(lp.toLowerCase(java.util.Locale.ROOT))) {
                return c.lp();
            }
            String angle = (c.lpAngles() == null ? List.<Card.LpAngle>of() : c.lpAngles()).stream().map(Card.LpAngle::lp)
                .filter(a -> a.toLowerCase(java.util.Locale.ROOT).contains(lp.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().orElse("?");
            return c.lp() + " (angle: " + angle + ")";
        }
    }

    static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
