import ArgumentParser
import Foundation
import Scheduling

/// `--quiet`, shared by every command that plans: no progress on standard error. Progress is
/// shown only when standard error is a terminal, so pipes and files never receive it anyway.
struct ProgressOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "No progress on standard error (shown only on a terminal anyway).")
    var quiet = false

    /// A progress line labelled `label` (the command) watching the plans made together, `names`,
    /// and those made one after another, `single` (see ``PlanWatch``), with `options` reporting to
    /// it; `options` unchanged and no watch when progress is not shown.
    func watch(_ label: String, names: [String] = [], single: [String] = [], options: PlanOptions) -> (options: PlanOptions, watch: PlanWatch?) {
        let first = single.first ?? (names.isEmpty ? "planning" : "planning \(names.count) on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        guard let progress = TerminalProgress.start(label, quiet: quiet, status: first) else { return (options, nil) }
        let watch = PlanWatch(progress, names: names, single: single)
        var watched = options
        watched.progress = watch.handler
        return (watched, watch)
    }
}
