import CGLPK

extension LinearProgram {
    /// Solves the LP relaxation (integrality is ignored) with the simplex method.
    ///
    /// Throws only for bad options, use from the wrong thread, or a genuine solver breakdown; an infeasible,
    /// unbounded or time-limited model is reported in `LPSolution.status`.
    public func solveLP(_ options: LPOptions = LPOptions()) throws -> LPSolution {
        try ensureOwningThread()
        try Stopwatch.validate(options.timeLimit, option: "LPOptions.timeLimit")
        let stopwatch = Stopwatch(limit: options.timeLimit)
        return try TerminalOutput.routing(to: options.log) { messageLevel in
            glp_scale_prob(problem, GLP_SF_AUTO)
            let status: LPStatus
            switch runSimplex(presolve: options.presolve, messageLevel: messageLevel, stopwatch: stopwatch) {
            case 0:
                status = currentLPStatus()
            case GLP_ENOPFS:
                status = .infeasible
            case GLP_ENODFS:
                // The presolver only proves the dual infeasible, which means "unbounded or infeasible";
                // the plain simplex on the original problem tells the two apart.
                switch runSimplex(presolve: false, messageLevel: messageLevel, stopwatch: stopwatch) {
                case 0: status = currentLPStatus()
                case GLP_ETMLIM: status = .timeLimit
                case let code: throw GLPKError.solver("glp_simplex", code)
                }
            case GLP_ETMLIM:
                status = .timeLimit
            case let code:
                throw GLPKError.solver("glp_simplex", code)
            }
            let columns = (0..<columnCount).map { Int32($0 + 1) }
            let rows = (0..<rowCount).map { Int32($0 + 1) }
            return LPSolution(
                status: status,
                objective: glp_get_obj_val(problem),
                columnValues: columns.map { glp_get_col_prim(problem, $0) },
                rowValues: rows.map { glp_get_row_prim(problem, $0) },
                rowDuals: rows.map { glp_get_row_dual(problem, $0) },
                reducedCosts: columns.map { glp_get_col_dual(problem, $0) },
                seconds: stopwatch.elapsedSeconds)
        }
    }

    /// Runs `glp_simplex` within the stopwatch's remaining budget. If GLPK cannot start from the stored
    /// basis (possible after earlier solves and edits), it is rebuilt once and the solve repeated.
    func runSimplex(presolve: Bool, messageLevel: Int32, stopwatch: Stopwatch,
                    method: SimplexMethod = .primal, basis: InitialBasis = .current, iterationLimit: Int? = nil) -> Int32 {
        switch basis {
        case .current: break
        case .standard: glp_std_basis(problem)
        case .advanced: glp_adv_basis(problem, 0)
        case .bixby: glp_cpx_basis(problem)
        }
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.meth = method.glpkCode
        if let iterationLimit { parameters.it_lim = Int32(clamping: iterationLimit) }
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        if let milliseconds = stopwatch.remainingMilliseconds {
            parameters.tm_lim = milliseconds
        }
        var code = glp_simplex(problem, &parameters)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND {
            glp_adv_basis(problem, 0)
            if let milliseconds = stopwatch.remainingMilliseconds {
                parameters.tm_lim = milliseconds
            }
            code = glp_simplex(problem, &parameters)
        }
        return code
    }

    /// Maps `glp_get_status` after a successful `glp_simplex`.
    private func currentLPStatus() -> LPStatus {
        switch glp_get_status(problem) {
        case GLP_OPT: .optimal
        case GLP_NOFEAS: .infeasible
        case GLP_UNBND: .unbounded
        default: .undefined
        }
    }
}
