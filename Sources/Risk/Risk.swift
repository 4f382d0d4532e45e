// The Risk module: Monte Carlo slippage forecasts, status files and re-planning (issue 4).
