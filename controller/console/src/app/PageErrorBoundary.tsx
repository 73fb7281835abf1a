// A page that throws while rendering shows what failed and a retry, instead of a blank console.

import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="页面出错 (this page failed)"
        subTitle={this.state.error.message}
        extra={<Button onClick={() => this.setState({ error: null })}>重试 (retry)</Button>}
      />
    );
  }
}
