import { Component, type ReactNode } from 'react';

interface Props {
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** Keeps a rendering error inside one page instead of blanking the whole app. */
export class ErrorBoundary extends Component<Props, { message: string | null }> {
  state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  render() {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
