import { create } from 'zustand';
import type { IpcError } from '../../shared/ipc/errors';

interface ProblemState {
  /** An internal error no screen can explain better: shown in the banner until dismissed. */
  problem: IpcError | null;
}

export const useProblem = create<ProblemState>(() => ({ problem: null }));

export const showProblem = (problem: IpcError) => useProblem.setState({ problem });
export const dismissProblem = () => useProblem.setState({ problem: null });
